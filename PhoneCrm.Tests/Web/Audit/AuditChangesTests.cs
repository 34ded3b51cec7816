using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Audit;
using PhoneCrm.Web.Features.Shared;

namespace PhoneCrm.Tests.Web.Audit;

public sealed class AuditChangesTests : IDisposable
{
    private static readonly DisplayTime Utc = new(TimeZoneInfo.Utc);
    private readonly CultureScope _russian = new("ru");

    public void Dispose() => _russian.Dispose();

    [Fact]
    public void A_call_linkers_change_reads_as_titled_fields_with_the_status_by_name()
    {
        // As the SQL linker writes it: status by number, times as ISO text.
        var changes = AuditChanges.Of(
            """{"status": 0, "attempts": 2, "last_call_at": null}""",
            """{"project_id": 7, "status": 5, "attempts": 3, "last_call_at": "2026-11-22T10:15:00+00:00"}""",
            TestLocalizer.Create(), Utc);

        Assert.Equal(["Проект", "Статус", "Попытки", "Последний звонок"], changes.Select(c => c.Field));
        Assert.Equal(new AuditChange("Статус", "Новый", "Конверсия"), changes[1]);
        Assert.Equal(("2", "3"), (changes[2].Before, changes[2].After));
        Assert.Equal("—", changes[3].Before);
        Assert.Equal("22.11.2026 10:15", changes[3].After);
    }

    [Fact]
    public void Unchanged_fields_are_left_out_except_the_name_that_says_which_object_it_is()
    {
        var changes = AuditChanges.Of(
            """{"name": "Alpha", "description": "old", "suppliers": ["A", "B"]}""",
            """{"name": "Alpha", "description": "new", "suppliers": ["A", "B"]}""",
            TestLocalizer.Create(), Utc);

        Assert.Equal([new AuditChange("Название", "Alpha", "Alpha"), new AuditChange("Описание", "old", "new")], changes);
    }

    [Fact]
    public void A_creation_shows_its_values_a_status_stored_by_name_too_and_unknown_fields_keep_their_key()
    {
        var changes = AuditChanges.Of(null, """{"status": "InWork", "geos": ["RU", "KZ"], "id_upto": 42}""", TestLocalizer.Create(), Utc);

        Assert.Equal(
            [new AuditChange("Статус", null, "В работе"), new AuditChange("Гео", null, "RU, KZ"), new AuditChange("id_upto", null, "42")],
            changes);
    }
}
