using System.Net;
using System.Text.Json;

namespace CartStream.Web.Tests;

/// <summary>GET helpers for the JSON API.</summary>
internal static class Api
{
    public static async Task<JsonElement> GetAsync(this DashboardServer server, string pathAndQuery)
    {
        using var response = await server.Http.GetAsync(server.BaseUrl + pathAndQuery, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The ProblemDetails of a request that must be refused with 400.</summary>
    public static async Task<JsonElement> ProblemAsync(this DashboardServer server, string pathAndQuery)
    {
        using var response = await server.Http.GetAsync(server.BaseUrl + pathAndQuery, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{pathAndQuery}: expected 400, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static JsonElement Tile(JsonElement kpis, string key) =>
        kpis.GetProperty("tiles").EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);
}
