namespace PhoneCrm.Data.Numbers;

public enum PageRequest
{
    First,
    Older,
    Newer,
    Last,
}
