namespace MoveEverything.Engine.Abi;

/// <summary>One exported symbol of the plugin ABI (schwung-spec.md §2.2).</summary>
/// <param name="Symbol">The name looked up with dlsym.</param>
/// <param name="Returns">The C type it returns (init functions take <c>const host_api_v1_t*</c>).</param>
/// <param name="Requirement">Required for the plugin kind that uses it, or an optional extra.</param>
/// <param name="Thread">Where the host calls it.</param>
/// <param name="ExpectedStructVersion">The <c>api_version</c> the returned struct must carry; 0 when it returns no struct.</param>
/// <param name="UsedFor">Which loader path tries it.</param>
public sealed record EntryPoint(
    string Symbol, string Returns, AbiRequirement Requirement, AbiThread Thread, uint ExpectedStructVersion, string UsedFor);
