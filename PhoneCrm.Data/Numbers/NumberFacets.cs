namespace PhoneCrm.Data.Numbers;

/// <summary>
/// The countries and operators a project's recent numbers have, for the grid's filter lists; each operator with
/// one of its phones, through which the library names it in the user's language.
/// </summary>
public sealed record NumberFacets(IReadOnlyList<string> Countries, IReadOnlyList<OperatorOfNumbers> Operators);
