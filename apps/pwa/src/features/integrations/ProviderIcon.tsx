// A neutral calendar glyph tinted per provider: recognisable at a glance without using the
// providers' trademarked logos. Decorative: the card's heading names the provider.
import type { CalendarProviderId } from '@fs/contracts';

export function ProviderIcon({ provider }: { provider: CalendarProviderId }) {
  return (
    <svg className={`provider-icon provider-icon-${provider}`} viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="16" rx="3" fill="currentColor" opacity="0.15" />
      <rect x="3" y="5" width="18" height="16" rx="3" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M3 10h18M8 3v4M16 3v4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <rect x="7" y="13" width="4" height="4" rx="1" fill="currentColor" />
    </svg>
  );
}
