using System.Globalization;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// Runs a test's code in one language (texts and formats), and puts the previous culture back when disposed. The
/// culture flows with the test's async calls and does not reach tests running beside it.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
