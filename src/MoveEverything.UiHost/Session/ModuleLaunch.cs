using MoveEverything.Modules.Manifests;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Session;

/// <summary>How a module's UI is being run.</summary>
public enum LaunchKind
{
    /// <summary>Overtake or tool module: owns the controls (overtake mode 2), LEDs cleared on entry, its own DSP.</summary>
    Overtake,
    /// <summary>Component editor of a module in a chain slot (ui_chain.js, else ui.js): the slot's DSP, menu routing.</summary>
    ComponentEditor,
}

/// <summary>Everything needed to start one module's UI session.</summary>
public sealed record ModuleLaunch(Manifest Manifest, string Folder, LaunchKind Kind, DspTarget OwnDsp)
{
    public string Id => Manifest.Id;
    public string DisplayName => Manifest.Name;

    /// <summary>The entry script: ui.js for overtake/tool; ui_chain.js (falling back to ui.js) for editors.</summary>
    public string? EntryFile
    {
        get
        {
            if (Kind == LaunchKind.ComponentEditor && File.Exists(Path.Combine(Folder, Manifest.UiChain))) return Manifest.UiChain;
            return File.Exists(Path.Combine(Folder, Manifest.Ui)) ? Manifest.Ui : null;
        }
    }

    public bool IsChainUi => Kind == LaunchKind.ComponentEditor && EntryFile == Manifest.UiChain;

    /// <summary>The DSP library to load for an overtake module, when it declares one that exists.</summary>
    public string? OvertakeDspPath =>
        Kind == LaunchKind.Overtake && Manifest.DspDeclared && File.Exists(Path.Combine(Folder, Manifest.Dsp))
            ? Path.Combine(Folder, Manifest.Dsp)
            : null;
}
