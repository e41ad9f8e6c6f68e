let context: AudioContext | null = null;

/**
 * A short two-beep tone for L3 escalations, synthesised with WebAudio (no sound file to ship).
 * Does nothing where audio cannot start (no device, or autoplay not yet allowed by a gesture).
 */
export function playAlertTone(): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime + 0.01;
    for (const offset of [0, 0.22]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      osc.connect(gain).connect(context.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.2);
    }
  } catch {
    // Sound is a courtesy; the notice itself is already shown.
  }
}
