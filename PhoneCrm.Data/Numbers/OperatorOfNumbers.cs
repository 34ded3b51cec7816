namespace PhoneCrm.Data.Numbers;

/// <param name="Operator">The English name, as stored and filtered by.</param>
/// <param name="SamplePhone">One of the project's numbers of that operator.</param>
public sealed record OperatorOfNumbers(string Operator, string SamplePhone);
