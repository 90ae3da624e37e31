// A stack of menus for hierarchical navigation (Move Everything for .NET shared library, own code).
export function createMenuStack() {
  const stack = [];
  return {
    push(menu) { stack.push({ menu, selectedIndex: 0 }); },
    pop() { return stack.length > 1 ? stack.pop() : null; },
    current() { return stack[stack.length - 1] ?? null; },
    depth() { return stack.length; },
    reset(menu) { stack.length = 0; if (menu) stack.push({ menu, selectedIndex: 0 }); },
  };
}
