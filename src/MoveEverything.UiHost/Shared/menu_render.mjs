// Renders a menu stack (Move Everything for .NET shared library, own code).
import { drawMenuHeader, drawMenuList } from './menu_layout.mjs';
import { formatItemValue } from './menu_items.mjs';

export function drawStackMenu({ stack, state, title } = {}) {
  clear_screen();
  const top = stack?.current?.();
  const menu = top?.menu ?? { title: title ?? '', items: [] };
  drawMenuHeader(menu.title ?? title ?? '');
  drawMenuList({ items: menu.items ?? [], selectedIndex: state?.selectedIndex ?? 0, getValue: formatItemValue });
}

export function drawHierarchicalMenu({ title, items, selectedIndex = 0 } = {}) {
  clear_screen();
  drawMenuHeader(title ?? '');
  drawMenuList({ items: items ?? [], selectedIndex, getValue: formatItemValue });
}
