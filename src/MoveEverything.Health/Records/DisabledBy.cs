namespace MoveEverything.Health.Records;

/// <summary>Who turned a module off; decides the state shown and what re-enabling means.</summary>
public enum DisabledBy
{
    User,
    Policy,
}
