// Minimal stand-in for QuickJS's `os` module (Move Everything for .NET, own code).
// Functions return QuickJS's shapes ([value, errno] for readdir/stat) but act only inside the module's
// data folder through the host's confined file functions; anything else reports an error (errno 1, EPERM).
const EPERM = 1;
export function readdir(path) {
  const list = typeof host_list_dir === 'function' ? host_list_dir(path) : null;
  return list === null ? [[], EPERM] : [list, 0];
}
export function stat(path) {
  if (typeof host_file_exists !== 'function' || !host_file_exists(path)) return [null, 2];
  const isDir = typeof host_is_dir === 'function' && host_is_dir(path);
  return [{ mode: isDir ? S_IFDIR : S_IFREG, size: 0, mtime: 0 }, 0];
}
export const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export function mkdir(path) { return host_ensure_dir(path) ? 0 : -EPERM; }
export function remove(path) { return typeof host_remove_file === 'function' && host_remove_file(path) ? 0 : -EPERM; }
export function unlink(path) { return remove(path); }
export function rename() { return -EPERM; }
export function sleep() { /* blocking sleeps are not allowed in the UI thread; no-op */ }
export function now() { return Date.now(); }
export function getcwd() { return ['/', 0]; }
