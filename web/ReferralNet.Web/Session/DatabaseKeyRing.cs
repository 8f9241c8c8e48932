using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace ReferralNet.Web.Session;

/// <summary>
/// The Data Protection key ring in the web app's own database, where <c>Web:KeysFolder</c> is not set: every instance
/// reads the keys any of them made. Data Protection reads and writes its repository synchronously and rarely (at start,
/// then about once a day), so this one does too.
/// </summary>
public sealed class DatabaseKeyRing(NpgsqlDataSource dataSource) : IXmlRepository
{
    private const string All = "SELECT xml FROM data_protection_keys ORDER BY created_at";

    private const string Add = "INSERT INTO data_protection_keys (name, xml) VALUES (@Name, @Xml) ON CONFLICT (name) DO NOTHING";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = dataSource.OpenConnection();
        return [.. connection.Query<string>(All).Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(Add, new { Name = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
