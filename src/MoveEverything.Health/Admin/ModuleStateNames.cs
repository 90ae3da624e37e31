using System.Text;
using MoveEverything.Health.States;

namespace MoveEverything.Health.Admin;

/// <summary>How states are spelled in JSON: snake_case of the enum name ("disabled_by_policy").</summary>
public static class ModuleStateNames
{
    public static string Json(ModuleState state)
    {
        var name = state.ToString();
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
