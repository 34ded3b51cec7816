namespace PhoneCrm.Web.Resources;

/// <summary>Marker for the UI's texts in Strings.resx (English) and Strings.ru.resx (Russian).</summary>
public sealed class Strings;
