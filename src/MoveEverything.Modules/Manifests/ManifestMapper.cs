using System.Text.Json;
using MoveEverything.Modules.Versioning;

namespace MoveEverything.Modules.Manifests;

/// <summary>Turns a module.json object into a <see cref="Manifest"/>, applying the original's defaults.</summary>
internal static class ManifestMapper
{
    /// <summary>The plugin ABI versions a module.json may declare (schwung-spec §2.1).</summary>
    private static readonly int[] KnownApiVersions = [1, 2];

    public static Manifest? Map(ManifestFieldReader r)
    {
        var id = ReadId(r);
        if (id is null) return null;
        var name = r.TopString("name");
        if (string.IsNullOrEmpty(name))
            r.Diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.MissingName, "no \"name\"; the id is shown instead", "$.name"));
        var ui = FileReference(r, "ui");
        var uiChain = FileReference(r, "ui_chain");
        var dsp = FileReference(r, "dsp");
        var (componentType, kind) = ComponentTypeReader.Read(r);
        return new Manifest
        {
            Id = id,
            Name = string.IsNullOrEmpty(name) ? id : name,
            Version = ReadModuleVersion(r),
            Abbrev = r.TopString("abbrev"),
            Description = r.TopString("description"),
            Author = r.TopString("author"),
            License = r.TopString("license"),
            ApiVersion = ReadApiVersion(r),
            ComponentType = componentType,
            Kind = kind,
            Capabilities = ReadFlags(r),
            Ui = ui ?? "ui.js", UiDeclared = ui is not null,
            UiChain = uiChain ?? "ui_chain.js", UiChainDeclared = uiChain is not null,
            Dsp = dsp ?? "dsp.so", DspDeclared = dsp is not null,
            DefaultsJson = r.TopOfKind("defaults", JsonValueKind.Object, "an object")?.GetRawText(),
            UiHierarchyJson = r.Either("ui_hierarchy", JsonValueKind.Object, "an object")?.Value.GetRawText(),
            ChainParamsJson = r.Either("chain_params", JsonValueKind.Array, "an array")?.Value.GetRawText(),
            ButtonPassthrough = ReadPassthrough(r),
            RawMidi = r.Flag("raw_midi"),
            RawUi = r.Flag("raw_ui"),
            ClaimsMasterKnob = r.Flag("claims_master_knob"),
            SkipLedClear = r.Flag("skip_led_clear"),
            SuspendKeepsJs = r.Flag("suspend_keeps_js"),
            ForksProcesses = r.Flag("forks_processes"),
            Standalone = r.Flag("standalone"),
            Builtin = r.Flag("builtin"),
            ToolConfig = ToolConfigReader.Read(r),
            Hidden = r.Flag("hidden"),
            RequiresPath = r.TopString("requires_path"),
            ScanPacks = FileReference(r, "scan_packs"),
            MinHostVersion = ReadHostVersion(r, "min_host_version"),
            MaxTestedHostVersion = ReadHostVersion(r, "max_tested_host_version"),
            UnsafeCapabilities = ReadCapabilityNames(r),
        };
    }

    private static string? ReadId(ManifestFieldReader r)
    {
        var e = r.Top("id");
        if (e is null || e.Value.ValueKind == JsonValueKind.String && string.IsNullOrEmpty(e.Value.GetString()))
        {
            r.Diagnostics.Add(ManifestDiagnostic.Error(DiagnosticCodes.MissingId,
                "no \"id\"; every module needs a unique id (lowercase-hyphenated, e.g. \"my-synth\")", "$.id"));
            return null;
        }
        if (e.Value.ValueKind != JsonValueKind.String)
        {
            r.Diagnostics.Add(ManifestDiagnostic.Error(DiagnosticCodes.WrongType,
                $"\"id\" must be a string but is {ManifestFieldReader.Describe(e.Value)}", "$.id"));
            return null;
        }
        var id = e.Value.GetString()!;
        if (!ModuleIds.IsSafe(id))
            r.Diagnostics.Add(ManifestDiagnostic.Error(DiagnosticCodes.InvalidId,
                $"id \"{id}\" cannot be a folder name (no '/', '\\', '..', control characters or leading dot)", "$.id"));
        return id;
    }

    private static string ReadModuleVersion(ManifestFieldReader r)
    {
        var text = r.TopString("version");
        if (string.IsNullOrEmpty(text))
        {
            r.Diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.MissingVersion, "no \"version\"; \"0.0.0\" is assumed", "$.version"));
            return "0.0.0";
        }
        if (!DottedVersion.TryParse(text, out var v, out var error))
            r.Diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.MalformedVersion,
                $"version {error.Message}; updates cannot be compared", "$.version"));
        else if (v.Parts.Count == 4)
            r.Diagnostics.Add(ManifestDiagnostic.Info(DiagnosticCodes.FourPartVersion, $"four-part version \"{text}\"", "$.version"));
        if (v is { IsPreRelease: true })
            r.Diagnostics.Add(ManifestDiagnostic.Info(DiagnosticCodes.PreReleaseVersion, $"pre-release version \"{text}\"", "$.version"));
        return text;
    }

    private static int? ReadApiVersion(ManifestFieldReader r)
    {
        if (r.Top("api_version") is not { } e)
        {
            r.Diagnostics.Add(ManifestDiagnostic.Info(DiagnosticCodes.ApiVersionMissing,
                "no \"api_version\"; plugin ABI 1 is assumed, as the original host does", "$.api_version"));
            return null;
        }
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v))
        {
            r.Diagnostics.Add(ManifestDiagnostic.Error(DiagnosticCodes.WrongType,
                $"\"api_version\" must be the whole number 1 or 2 but is {ManifestFieldReader.Describe(e)}", "$.api_version"));
            return null;
        }
        if (!KnownApiVersions.Contains(v))
            r.Diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.ApiVersionUnsupported,
                $"api_version {v} is not a plugin ABI this ecosystem defines (1 or 2)", "$.api_version"));
        return v;
    }

    private static string? ReadHostVersion(ManifestFieldReader r, string name)
    {
        var text = r.TopString(name);
        if (text is null) return null;
        if (!DottedVersion.TryParse(text, out _, out var error))
            r.Diagnostics.Add(ManifestDiagnostic.Error(DiagnosticCodes.MalformedHostVersion,
                $"\"{name}\": {error.Message}; the module is refused until it is a version like \"1.2.0\"", "$." + name));
        return text;
    }

    private static CapabilityFlags ReadFlags(ManifestFieldReader r) => new()
    {
        AudioOut = r.Flag("audio_out"),
        AudioIn = r.Flag("audio_in"),
        MidiIn = r.Flag("midi_in"),
        MidiOut = r.Flag("midi_out"),
        Aftertouch = r.Flag("aftertouch"),
        Chainable = r.Flag("chainable"),
        DefaultForwardChannel = r.EitherInt("default_forward_channel"),
    };

    private static string? FileReference(ManifestFieldReader r, string name)
    {
        var text = r.TopString(name);
        if (text is null) return null;
        if (!ModuleIds.IsSafeRelativePath(text))
            r.Diagnostics.Add(ManifestDiagnostic.Error(DiagnosticCodes.UnsafeFileReference,
                $"\"{name}\": \"{text}\" points outside the module folder (absolute or '..'); name a file inside it", "$." + name));
        return text;
    }

    private static IReadOnlyList<int> ReadPassthrough(ManifestFieldReader r)
    {
        if (r.Either("button_passthrough", JsonValueKind.Array, "an array of CC numbers") is not { } found) return [];
        var ccs = new List<int>();
        var i = 0;
        foreach (var item in found.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var cc) && cc is >= 0 and <= 127)
                ccs.Add(cc);
            else
                r.Diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.InvalidPassthroughCc,
                    $"{ManifestFieldReader.Describe(item)} is not a CC number 0–127; it is ignored", $"{found.Path}[{i}]"));
            i++;
        }
        return ccs;
    }

    private static IReadOnlyList<string> ReadCapabilityNames(ManifestFieldReader r)
    {
        var names = ReadStringArray(r, "unsafe_capabilities");
        foreach (var name in names.Where(n => !Capabilities.UnsafeCapabilities.TryParse(n, out _)))
            r.Diagnostics.Add(ManifestDiagnostic.Error(DiagnosticCodes.UnknownCapability,
                new Capabilities.UnknownCapabilityRefusal(name, Capabilities.CapabilityResolver.Suggest(name)).Message,
                "$.unsafe_capabilities"));
        return names;
    }

    private static IReadOnlyList<string> ReadStringArray(ManifestFieldReader r, string name)
    {
        if (r.Either(name, JsonValueKind.Array, "an array of strings") is not { } found) return [];
        var list = new List<string>();
        var i = 0;
        foreach (var item in found.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
            else r.WrongType(name, $"{found.Path}[{i}]", "a string", item);
            i++;
        }
        return list;
    }
}
