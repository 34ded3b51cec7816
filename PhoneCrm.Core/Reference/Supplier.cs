namespace PhoneCrm.Core.Reference;

public sealed class Supplier
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Contact { get; set; }
    public bool IsActive { get; set; } = true;
}
