using Acornima;
using Jint;
using Jint.Runtime;

namespace MoveEverything.UiHost.Scripting;

/// <summary>
/// The one failure boundary for calls into module code: arms the phase's time budget, runs the call,
/// and turns whatever happened into null (success) or a <see cref="ScriptFault"/>. No exception from
/// a module's script ever leaves this type.
/// </summary>
public sealed class ScriptBoundary(ScriptDeadline deadline, ScriptBudgets budgets)
{
    private const string MissingExportMarker = "does not provide an export named";
    private const string AmbiguousImportMarker = "Ambiguous import statement for identifier ";

    public ScriptFault? Run(ScriptPhase phase, Action call, TimeSpan? budget = null)
    {
        deadline.Arm(budget ?? budgets.For(phase));
        try
        {
            call();
            return null;
        }
        catch (Exception ex)
        {
            return Classify(phase, ex);
        }
        finally
        {
            deadline.Disarm();
        }
    }

    public ScriptFault Classify(ScriptPhase phase, Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains(MissingExportMarker, StringComparison.Ordinal))
                return new ScriptFault.MissingImport(phase, ExtractQuoted(e.Message) ?? "?", e.Message);
            // Jint reports an import of a name nobody exports this way; the runtime adds which file it came from.
            if (e.Message.StartsWith(AmbiguousImportMarker, StringComparison.Ordinal))
            {
                var name = e.Message[AmbiguousImportMarker.Length..].Trim();
                return new ScriptFault.MissingImport(phase, name, $"no export named '{name}'");
            }
            switch (e)
            {
                case ScriptCancelledException: return new ScriptFault.Cancelled(phase);
                case ScriptBudgetExceededException t: return new ScriptFault.TimedOut(phase, t.Budget);
                case MemoryLimitExceededException: return new ScriptFault.MemoryLimit(phase, budgets.MemoryBytes);
                case RecursionDepthOverflowException: return new ScriptFault.RecursionLimit(phase, budgets.MaxRecursionDepth);
                case InsufficientExecutionStackException: return new ScriptFault.RecursionLimit(phase, budgets.MaxRecursionDepth);
                case ModuleImportException m: return new ScriptFault.MissingImport(phase, m.Specifier, m.Detail);
                case ParseErrorException p:
                    return new ScriptFault.SyntaxError(phase, p.Description, $"line {p.LineNumber}, column {p.Column}");
            }
        }
        if (ex is JavaScriptException js) return FromJavaScript(phase, js);
        return new ScriptFault.Threw(phase, $"{ex.GetType().Name}: {ex.Message}", ex.StackTrace);
    }

    private static ScriptFault FromJavaScript(ScriptPhase phase, JavaScriptException js)
    {
        var message = js.Message;
        var errorName = js.Error.IsObject() ? js.Error.AsObject().Get("name").ToString() : "Error";
        if (message.Contains(MissingExportMarker, StringComparison.Ordinal))
            return new ScriptFault.MissingImport(phase, ExtractQuoted(message) ?? "?", message);
        if (errorName == "SyntaxError")
            return new ScriptFault.SyntaxError(phase, message, $"line {js.Location.Start.Line}, column {js.Location.Start.Column}");
        return new ScriptFault.Threw(phase, $"{errorName}: {message}", js.JavaScriptStackTrace);
    }

    private static string? ExtractQuoted(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : null;
    }
}
