namespace PhoneCrm.Data.Numbers;

/// <summary>Grid orders, newest first; each is served by an index that leads with project_id.</summary>
public enum NumberSort
{
    /// <summary>By id, which grows with creation: the primary key (project_id, id).</summary>
    Created,

    /// <summary>By last call, never-called last: ix_numbers_last_call.</summary>
    LastCall,
}
