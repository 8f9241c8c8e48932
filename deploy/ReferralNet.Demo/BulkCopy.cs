using Npgsql;

namespace ReferralNet.Demo;

/// <summary>Rows a benchmark stores straight into a service's database (binary COPY), so its setup takes seconds.</summary>
public static class BulkCopy
{
    public static async Task IntoAsync<T>(NpgsqlConnection connection, string target, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            await write(importer, row);
        }
        await importer.CompleteAsync();
    }
}
