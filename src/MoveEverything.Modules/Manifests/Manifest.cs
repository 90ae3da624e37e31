namespace MoveEverything.Modules.Manifests;

/// <summary>
/// A parsed module.json. Every property has the original host's default when the field is absent
/// (schwung-spec §1.2), so consumers never re-apply defaults. Structured blobs the host passes on
/// unchanged (defaults, ui_hierarchy, chain_params) are kept as JSON text so the record can cross
/// process boundaries. Invariant: <see cref="Id"/> is non-empty; whether it is a safe folder name is
/// reported by the parser as an error diagnostic, not enforced here.
/// </summary>
public sealed record Manifest
{
    public required string Id { get; init; }
    /// <summary>Display name; falls back to <see cref="Id"/>.</summary>
    public required string Name { get; init; }
    /// <summary>Module version as written; "0.0.0" when absent.</summary>
    public string Version { get; init; } = "0.0.0";
    /// <summary>Short slot label (3–6 characters by convention).</summary>
    public string? Abbrev { get; init; }
    public string? Description { get; init; }
    public string? Author { get; init; }
    public string? License { get; init; }

    /// <summary>Plugin ABI the module declares (1 or 2 are supported); null when absent.</summary>
    public int? ApiVersion { get; init; }
    /// <summary>The ABI to assume: the declared one, or 1 when absent (the original's default).</summary>
    public int EffectiveApiVersion => ApiVersion ?? 1;

    /// <summary>The <c>component_type</c> string as written (top level, else capabilities); null if neither.</summary>
    public string? ComponentType { get; init; }
    public ComponentKind Kind { get; init; } = ComponentKind.Other;

    public CapabilityFlags Capabilities { get; init; } = CapabilityFlags.None;

    /// <summary>UI script file name; default "ui.js".</summary>
    public string Ui { get; init; } = "ui.js";
    /// <summary>True when the manifest names <c>ui</c> explicitly.</summary>
    public bool UiDeclared { get; init; }
    /// <summary>Component-editor script file name; default "ui_chain.js".</summary>
    public string UiChain { get; init; } = "ui_chain.js";
    public bool UiChainDeclared { get; init; }
    /// <summary>Native DSP library file name; default "dsp.so" (chain slots use dsp.so by convention anyway).</summary>
    public string Dsp { get; init; } = "dsp.so";
    /// <summary>True when the manifest names <c>dsp</c> explicitly (JS-only modules usually don't).</summary>
    public bool DspDeclared { get; init; }

    /// <summary>The <c>defaults</c> object as JSON text, passed to the plugin's create_instance; null if absent.</summary>
    public string? DefaultsJson { get; init; }
    /// <summary><c>ui_hierarchy</c> (top level or in capabilities) as JSON text; null if absent.</summary>
    public string? UiHierarchyJson { get; init; }
    /// <summary><c>chain_params</c> (top level or in capabilities) as JSON text; null if absent.</summary>
    public string? ChainParamsJson { get; init; }

    /// <summary>CC numbers (0–127) that reach the Move firmware in overtake mode.</summary>
    public IReadOnlyList<int> ButtonPassthrough { get; init; } = [];
    /// <summary>Legacy: skip velocity/aftertouch transforms, let knob touches through.</summary>
    public bool RawMidi { get; init; }
    /// <summary>Legacy: Back is not intercepted by the host.</summary>
    public bool RawUi { get; init; }
    /// <summary>Legacy: the master volume knob (CC 79) goes to the module.</summary>
    public bool ClaimsMasterKnob { get; init; }
    /// <summary>Overtake entry without LED clear.</summary>
    public bool SkipLedClear { get; init; }
    /// <summary>Overtake/tool: Back suspends (ticks continue), Shift+Back exits.</summary>
    public bool SuspendKeepsJs { get; init; }
    /// <summary>Legacy <c>capabilities.forks_processes</c>: the module starts other programs.</summary>
    public bool ForksProcesses { get; init; }
    public bool Standalone { get; init; }
    public bool Builtin { get; init; }

    public ToolConfig? ToolConfig { get; init; }
    /// <summary>Module is not listed (discovery honours it).</summary>
    public bool Hidden { get; init; }
    /// <summary>Absolute path that must exist for the module to be listed.</summary>
    public string? RequiresPath { get; init; }
    /// <summary>Sub-folder whose packs expand into virtual modules <c>&lt;id&gt;-&lt;pack&gt;</c>.</summary>
    public string? ScanPacks { get; init; }

    /// <summary>Oldest host version the module works on, as written; null if undeclared.</summary>
    public string? MinHostVersion { get; init; }
    /// <summary>Newest host version the author tested (<c>max_tested_host_version</c>), as written.</summary>
    public string? MaxTestedHostVersion { get; init; }
    /// <summary>Unsafe capability names declared in <c>unsafe_capabilities</c>, as written.</summary>
    public IReadOnlyList<string> UnsafeCapabilities { get; init; } = [];
}
