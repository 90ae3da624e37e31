namespace MoveEverything.Boot.SafeMode;

/// <summary>The choices on the safe-mode screen, in display order.</summary>
public enum SafeModeChoice
{
    ContinueWithoutModules,
    ReEnableModulesOneByOne,
    RestoreStock,
    RebootNormally,
}
