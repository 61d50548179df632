// Makes the one Clock injectable everywhere, so any service that needs "now" asks for it.
// The app is given its clock (the system's; tests pass one they can move forward).
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock } from './clock';

@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
