// Screen-reader announcements (Move Everything for .NET shared library, own code).
// Forwards to the host's screen reader hook when it exists; silent otherwise.
function say(text) {
  if (typeof host_announce_screenreader === 'function') host_announce_screenreader(String(text));
}
export function announce(text) { say(text); }
export function announceParameter(name, value) { say(`${name}: ${value}`); }
export function announceView(name) { say(name); }
export function announceMenuItem(label, value) { say(value === undefined ? label : `${label}, ${value}`); }
