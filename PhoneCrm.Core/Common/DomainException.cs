namespace PhoneCrm.Core.Common;

/// <summary>
/// A broken business rule. The message is written for the person using the app and is shown as is.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
