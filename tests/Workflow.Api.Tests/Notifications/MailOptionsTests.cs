using Microsoft.Extensions.Configuration;
using Workflow.Infrastructure.Mail;

namespace Workflow.Api.Tests.Notifications;

/// <summary>E-mail's settings: off by default, and refused at start-up, by name, when on but unusable.</summary>
public sealed class MailOptionsTests
{
    private static readonly Dictionary<string, string?> Working = new()
    {
        ["Mail:Enabled"] = "true", ["Mail:Host"] = "smtp.example.vn", ["Mail:From"] = "thongbao@example.vn", ["App:PublicBaseUrl"] = "https://giamngheo.example.vn",
    };

    [Fact]
    public void Read_WhenNothingIsSet_MailIsOff()
    {
        var options = MailOptions.Read(new ConfigurationBuilder().Build());
        Assert.False(options.Enabled);
        Assert.Equal(587, options.Port);
        Assert.True(options.UseTls);
    }

    [Fact]
    public void Read_WhenOnWithoutHostSenderOrPublicAddress_NamesEachMissingSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            MailOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:Enabled"] = "true", ["Mail:From"] = "không phải địa chỉ" }).Build()));
        Assert.Contains("Mail:Host", error.Message);
        Assert.Contains("Mail:From", error.Message);
        Assert.Contains("App:PublicBaseUrl", error.Message);
    }

    [Fact]
    public void Read_WhenThePasswordIsWrittenInAnAppsettingsFile_RefusesAndSaysWhereToPutIt()
    {
        var folder = Directory.CreateTempSubdirectory("mail-options-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "appsettings.json"), """{ "Mail": { "UserName": "thongbao", "Password": "bí mật" } }""");
            var configuration = new ConfigurationBuilder().SetBasePath(folder.FullName).AddInMemoryCollection(Working).AddJsonFile("appsettings.json").Build();

            var error = Assert.Throws<InvalidOperationException>(() => MailOptions.Read(configuration));

            Assert.Contains("Mail__Password", error.Message);
            var fromEnvironment = new ConfigurationBuilder().AddInMemoryCollection(Working)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:UserName"] = "thongbao", ["Mail:Password"] = "bí mật" }).Build();
            Assert.Equal("bí mật", MailOptions.Read(fromEnvironment).Password);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("kinhte@tankhai.dongnai.gov.vn", true)]
    [InlineData("Kinh Te <kinhte@tankhai.gov.vn>", false)]
    [InlineData("kinhte@tankhai", false)]
    [InlineData("a@b.vn, c@d.vn", false)]
    [InlineData("", false)]
    public void IsAddress_WhenGivenAText_AcceptsOnlyOnePlainAddress(string text, bool accepted) => Assert.Equal(accepted, MailOptions.IsAddress(text));
}
