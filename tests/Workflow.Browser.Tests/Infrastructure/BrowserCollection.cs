namespace Workflow.Browser.Tests.Infrastructure;

/// <summary>Every browser test shares one app and one browser, and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
