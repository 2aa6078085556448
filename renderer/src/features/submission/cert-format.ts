/** "AB:CD:…" upper-case pairs, as certificate viewers show fingerprints (easier to compare by eye). */
export const groupedFingerprint = (hex: string): string => (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
