using System.Net;
using System.Net.Http.Headers;
using Workflow.Api.Tests.Lifecycle;

namespace Workflow.Api.Tests.Operations;

/// <summary>Offices sit on slow links: a client that accepts Brotli gets pages and JSON Brotli-compressed.</summary>
public sealed class CompressionTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task Page_WhenTheClientAcceptsBrotli_IsSentBrotliCompressed()
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dang-nhap");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task JsonAnswer_WhenTheClientAcceptsBrotli_IsSentBrotliCompressedAndReadsBackWhole()
    {
        using var client = await fixture.Factory.ClientFor("tk.kinhte");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=ke");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await using var compressed = await response.Content.ReadAsStreamAsync();
        await using var brotli = new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionMode.Decompress);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await new StreamReader(brotli).ReadToEndAsync());
        Assert.NotNull(json!["proposals"]);
    }

    [Fact]
    public async Task TokenAnswer_IsNeverCompressed()
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userName = "tk.kinhte", password = "Demo@2024" }),
        };
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}
