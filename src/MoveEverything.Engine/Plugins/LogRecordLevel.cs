namespace MoveEverything.Engine.Plugins;

/// <summary>Severity of a <see cref="LogRecord"/>; plugin <c>log()</c> calls are Information.</summary>
public enum LogRecordLevel : byte
{
    Debug = 0,
    Information = 1,
    Warning = 2,
    Error = 3,
}
