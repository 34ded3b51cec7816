namespace PhoneCrm.Core.Common;

/// <summary>
/// A message read from a resource in the current language, with what it was made of: its key and arguments. Work
/// done in the background stores those, so the message can be shown later in each reader's language.
/// </summary>
public sealed record LocalizedMessage(string Key, object[] Arguments, string Text)
{
    public static implicit operator string(LocalizedMessage message) => message.Text;

    public override string ToString() => Text;
}
