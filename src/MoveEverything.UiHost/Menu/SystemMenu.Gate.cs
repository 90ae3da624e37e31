using MoveEverything.Boot.SafeMode;
using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.Display;
using MoveEverything.UiHost.Gate;

namespace MoveEverything.UiHost.Menu;

/// <summary>The gate's screens: refusal / warning, consent, and the safe-mode screen.</summary>
public sealed partial class SystemMenu
{
    private static readonly Canvas Measure = new();
    private readonly Func<SafeModeChoice, SafeModeActionResult>? _safeModeChoice;

    /// <summary>Result of the last safe-mode choice or consent, drawn like a toast until the next input; null when none.</summary>
    public string? Notice { get; private set; }

    /// <summary>
    /// Shows why a module may not start: its name in the title, the typed reason wrapped over several rows, and
    /// Back. A module installed outside the built-in roots is labelled as such (the load-time warning screen).
    /// </summary>
    public void ShowRefusal(CatalogEntry entry, LoadVerdict.Refused refused, bool installedByUser) =>
        Push(new MenuPage($"Not started: {entry.Manifest.Name}", () =>
        [
            .. Lines(refused.Why),
            .. installedByUser && refused.Kind == RefusalKind.Incompatible
                ? Lines("Warning: this module was installed by hand and does not fit this host. Remove or update it.")
                : [],
            .. RecoveryItem(entry, refused),
            .. RemoveItem(entry),
            new MenuItem("Back", () => { Back(); return null; }),
        ]));

    /// <summary>A way out that works whatever the verdict: turn an incompatible module off, or a disabled one back on.</summary>
    private IEnumerable<MenuItem> RecoveryItem(CatalogEntry entry, LoadVerdict.Refused refused) => refused.Kind switch
    {
        RefusalKind.Incompatible => [new MenuItem("Turn off", () => { Notice = $"{entry.Manifest.Name}: {_gate.SetEnabled(entry.Id, false)}"; Back(); return null; })],
        RefusalKind.Disabled => [new MenuItem("Turn on", () => { Notice = $"{entry.Manifest.Name}: {_gate.SetEnabled(entry.Id, true)}"; Back(); return null; })],
        _ => [],
    };

    /// <summary>
    /// The consent screen: each missing unsafe capability with its description, the native-code notice when the
    /// module has a dsp.so, then Allow / Deny. Allow stores consent (as <c>mev modules allow</c> does) and returns
    /// <paramref name="then"/> (the open or slot command that was waiting), or re-shows the module page.
    /// </summary>
    public void ShowConsent(CatalogEntry entry, LoadVerdict.NeedsConsent needs, MenuCommand? then)
    {
        var native = entry.Manifest.DspDeclared || File.Exists(Path.Combine(entry.Folder, entry.Manifest.Dsp));
        Push(new MenuPage($"Allow {entry.Manifest.Name}?", () =>
        {
            var items = new List<MenuItem>();
            items.AddRange(Lines(needs.Why));
            foreach (var c in needs.Missing)
            {
                var info = UnsafeCapabilities.Info(c);
                items.Add(new MenuItem("* " + info.Title));
                items.AddRange(Lines(info.Description));
            }
            if (native) items.AddRange(Lines(UnsafeCapabilities.NativeCodeNotice));
            items.Add(new MenuItem("Allow", () => AllowAndContinue(entry, needs.Missing, then)));
            items.Add(new MenuItem("Deny", () => { Back(); return null; }));
            return items;
        }));
    }

    private MenuCommand? AllowAndContinue(CatalogEntry entry, CapabilitySet missing, MenuCommand? then)
    {
        var error = _gate.Allow(entry, missing);
        Back();
        if (error is not null)
        {
            Notice = null;
            Push(new MenuPage($"Not saved: {entry.Manifest.Name}", () => [.. Lines(error), new MenuItem("Back", () => { Back(); return null; })]));
            return null;
        }
        return then;
    }

    /// <summary>Boot's safe-mode screen: the reason, then the four choices wired to <see cref="SafeModeActions"/>.</summary>
    private MenuPage SafeModePage()
    {
        var screen = SafeModeScreen.For(_gate.SafeMode.Reason);
        return new MenuPage(screen.Title, () =>
        [
            .. Lines(screen.Reason),
            .. screen.Options.Select(o => new MenuItem(o.Label, () => { Choose(o.Choice); return null; })),
        ]);
    }

    private void Choose(SafeModeChoice choice)
    {
        var result = _safeModeChoice?.Invoke(choice)
            ?? new SafeModeActionResult(choice, choice switch
            {
                SafeModeChoice.ContinueWithoutModules => SafeModeFollowUp.StayInSafeMode,
                SafeModeChoice.ReEnableModulesOneByOne => SafeModeFollowUp.OpenModuleList,
                _ => SafeModeFollowUp.ShowError,
            }, "not available here");
        Notice = result.Message;
        switch (result.FollowUp)
        {
            case SafeModeFollowUp.StayInSafeMode: ShowRoot(); break;
            case SafeModeFollowUp.OpenModuleList: Push(ReEnablePage()); break;
            default: Refresh(); break; // Rebooting / ShowError: the screen stays, the message shows as a toast
        }
    }

    /// <summary>Every third-party module with its state; selecting one turns it on or off (takes effect on the next normal start).</summary>
    private MenuPage ReEnablePage() => new("Enable modules", () =>
    {
        var items = _catalog.Modules.Where(m => !_gate.IsOffered(m) || !_gate.SafeMode.IsHostSafeMode)
            .Select(m =>
            {
                var state = _states.Describe(m.Id);
                var disabled = state.Label.StartsWith("disabled", StringComparison.Ordinal);
                return new MenuItem(m.Manifest.Name, () => { Notice = $"{m.Manifest.Name}: {_gate.SetEnabled(m.Id, disabled)}"; Refresh(); return null; },
                    disabled ? "off" : "on");
            }).ToList();
        if (items.Count == 0) items.Add(new MenuItem("(no third-party modules)"));
        if (Remover is not null) items.Add(new MenuItem("Remove a module", () => Open(RemoveListPage())));
        return items;
    });

    private void Back()
    {
        if (_pages.Count > 1) { _pages.Pop(); Current.Build(); }
    }

    /// <summary>A sentence wrapped into display rows (non-selectable items).</summary>
    private static IEnumerable<MenuItem> Lines(string text) =>
        MenuRenderer.Wrap(Measure, text, Canvas.Width - 4).Select(l => new MenuItem(l)).ToList();
}
