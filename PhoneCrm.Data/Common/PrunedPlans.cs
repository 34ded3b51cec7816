using Npgsql;

namespace PhoneCrm.Data.Common;

/// <summary>
/// Statements that reach numbers through keys found while they run (a join from call links, say) cannot be pruned
/// to a partition when planned. The app's sessions prefer generic plans (<see cref="CrmDataSource"/>): planned once,
/// but every run then opens and locks every partition, about 11 ms at 200 projects. A statement that also names
/// its few projects in a parameter (<c>project_id = ANY($n)</c>) can instead be planned for those values, keeping
/// only their partitions, for about 0.9 ms of planning per partition kept. This begins the transaction such a
/// statement runs in, planned the cheaper way for the number of projects it names.
/// </summary>
public static class PrunedPlans
{
    /// <summary>Up to this many projects, a plan for the values at hand is the cheaper one.</summary>
    public const int CustomPlanMaxProjects = 8;

    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, int projects, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PlanForAsync(connection, transaction, projects, cancellationToken);
        return transaction;
    }

    /// <summary>The same, for a transaction already begun (the rest of it is planned the same way).</summary>
    public static async Task PlanForAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int projects,
        CancellationToken cancellationToken)
    {
        if (projects > CustomPlanMaxProjects)
            return;
        // SET LOCAL ends with the transaction: the pooled connection goes back preferring generic plans.
        await using var custom = new NpgsqlCommand("SET LOCAL plan_cache_mode = force_custom_plan", connection, transaction);
        await custom.ExecuteNonQueryAsync(cancellationToken);
    }
}
