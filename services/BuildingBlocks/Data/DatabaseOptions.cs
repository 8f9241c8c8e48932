using System.ComponentModel.DataAnnotations;

namespace ReferralNet.BuildingBlocks.Data;

public sealed class DatabaseOptions : IOptionsSection
{
    public static string Section => "Database";

    /// <summary>Npgsql connection string of this service's own database.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Run pending migrations when the service starts (the local runner and tests do; a deployment job may use --migrate-only instead).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Connections this service may hold. Every service shares one PostgreSQL server locally, so the sum over services
    /// must stay below its max_connections (300 in the local scripts); requests beyond it wait for a free connection.
    /// Twenty is far more than two cores can keep busy; a larger pool only lets a pile-up open more server processes.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>
    /// Connections kept open however idle; unset, all <see cref="MaxPoolSize"/> of them, a fixed-size pool. Npgsql prunes a
    /// pool by closing the median idle count at once every five minutes, so a pool that grew in a burst was emptied and
    /// reopened under the next load: a new server process, a SCRAM handshake and the statements prepared again for each
    /// connection, in every service at the same moment.
    /// </summary>
    [Range(0, 1000)]
    public int? MinPoolSize { get; set; }

    public int KeptOpen => Math.Min(MinPoolSize ?? MaxPoolSize, MaxPoolSize);
}
