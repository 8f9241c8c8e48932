using System.ComponentModel.DataAnnotations;

namespace ReferralNet.BuildingBlocks.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Npgsql connection string of this service's own database.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Run pending migrations when the service starts (the local runner and tests do; a deployment job may use --migrate-only instead).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Connections this service may hold. Every service shares one PostgreSQL server locally, so the sum over services
    /// must stay below its max_connections (300 in the local scripts); requests beyond it wait for a free connection.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 40;

    /// <summary>
    /// Connections kept open however idle. Npgsql prunes by closing the median idle count at once every five minutes,
    /// so after a burst a pool would be emptied and reopened under load: a new server process, a SCRAM handshake and
    /// the statements prepared again for each, all at one moment in every service.
    /// </summary>
    [Range(0, 1000)]
    public int MinPoolSize { get; set; } = 10;
}
