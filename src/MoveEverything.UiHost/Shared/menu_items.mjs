// Menu item constructors (Move Everything for .NET shared library, own code).
// Every item is a plain object with a `type`; menu_nav.mjs knows how to edit each type.
export const MenuItemType = { ACTION: 'action', VALUE: 'value', ENUM: 'enum', TOGGLE: 'toggle', SUBMENU: 'submenu', BACK: 'back', DIVIDER: 'divider' };

export function createAction(label, onSelect) { return { type: MenuItemType.ACTION, label, onSelect }; }

export function createValue(label, { get, set, min = 0, max = 127, step = 1, format } = {}) {
  return { type: MenuItemType.VALUE, label, get, set, min, max, step, format };
}

export function createEnum(label, { get, set, options = [] } = {}) {
  return { type: MenuItemType.ENUM, label, get, set, options };
}

export function createToggle(label, { get, set, onLabel = 'On', offLabel = 'Off' } = {}) {
  return { type: MenuItemType.TOGGLE, label, get, set, onLabel, offLabel };
}

export function createSubmenu(label, getMenu) { return { type: MenuItemType.SUBMENU, label, getMenu }; }
export function createBack(label = 'Back') { return { type: MenuItemType.BACK, label }; }
export function createDivider(label = '') { return { type: MenuItemType.DIVIDER, label }; }

/** Text shown at the right of an item, or '' when the item has no value. */
export function formatItemValue(item) {
  switch (item.type) {
    case MenuItemType.VALUE: { const v = item.get?.(); return item.format ? item.format(v) : String(v ?? ''); }
    case MenuItemType.ENUM: { const v = item.get?.(); return typeof v === 'number' ? String(item.options[v] ?? v) : String(v ?? ''); }
    case MenuItemType.TOGGLE: return item.get?.() ? item.onLabel : item.offLabel;
    case MenuItemType.SUBMENU: return '>';
    default: return '';
  }
}
