using Jint;
using Jint.Native;
using MoveEverything.UiHost.Display;

namespace MoveEverything.UiHost.HostApi;

/// <summary>
/// Drawing functions of schwung-spec.md §3.3 on the module's <see cref="Canvas"/>. draw_image and set_font
/// are present (modules call them unguarded) but not supported: they draw nothing and return false.
/// </summary>
public sealed class DisplayApi(Canvas canvas) : IHostApi
{
    /// <summary>Set by host_flush_display(); the UI loop pushes a frame and clears it.</summary>
    public bool FlushRequested { get; set; }

    public void Install(HostScope scope)
    {
        static int I(JsValue[] a, int i) => HostScope.Int(a, i);
        scope.Define("clear_screen", 0, _ => canvas.Clear());
        scope.Define("set_pixel", 3, a => canvas.SetPixel(I(a, 0), I(a, 1), ColorOr1(a, 2)));
        scope.Define("draw_rect", 5, a => canvas.DrawRect(I(a, 0), I(a, 1), I(a, 2), I(a, 3), ColorOr1(a, 4)));
        scope.Define("fill_rect", 5, a => canvas.FillRect(I(a, 0), I(a, 1), I(a, 2), I(a, 3), ColorOr1(a, 4)));
        scope.Define("draw_line", 5, a => canvas.DrawLine(I(a, 0), I(a, 1), I(a, 2), I(a, 3), ColorOr1(a, 4)));
        scope.Define("fill_circle", 4, a => canvas.FillCircle(I(a, 0), I(a, 1), I(a, 2), ColorOr1(a, 3)));
        scope.Define("print", 4, a => canvas.Print(I(a, 0), I(a, 1), HostScope.Str(a, 2), ColorOr1(a, 3)));
        scope.Define("text_width", 1, a => JsNumber.Create(canvas.TextWidth(HostScope.Str(a, 0))));
        scope.Define("get_font_height", 0, _ => JsNumber.Create(canvas.FontHeight));
        scope.Define("draw_image", 5, _ => JsBoolean.False);
        scope.Define("set_font", 1, _ => JsBoolean.False);
        scope.Define("host_flush_display", 0, _ => FlushRequested = true);
    }

    // The original treats an omitted colour as "on".
    private static int ColorOr1(JsValue[] args, int i) => HostScope.Arg(args, i).IsUndefined() ? 1 : HostScope.Int(args, i);
}
