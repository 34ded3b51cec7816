using System.Text.Encodings.Web;
using System.Text.Json;
using PhoneCrm.Core.Audit;

namespace PhoneCrm.Data.Audit;

public static class AuditLogExtensions
{
    private static readonly JsonSerializerOptions _json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Adds an audit row to the context, so it is saved in the same transaction as the change it describes:
    /// a change is never stored without its audit row, nor the other way round.
    /// </summary>
    public static void AddAudit(
        this CrmDbContext db, AuditActor actor, string action, string entityType, string? entityId,
        object? oldValues, object? newValues)
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow,
            Actor = actor.Name,
            UserId = actor.UserId,
            IpAddress = actor.IpAddress,
            UserAgent = actor.UserAgent,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            OldValues = oldValues is null ? null : JsonSerializer.Serialize(oldValues, _json),
            NewValues = newValues is null ? null : JsonSerializer.Serialize(newValues, _json),
        });
    }
}
