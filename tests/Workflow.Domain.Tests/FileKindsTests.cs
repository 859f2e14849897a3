using System.Text;
using Workflow.Domain.Files;

namespace Workflow.Domain.Tests;

/// <summary>What a dossier takes as a file: the name's ending and the content's first bytes must agree.</summary>
public sealed class FileKindsTests
{
    private const long Limit = 20L * 1024 * 1024;

    public static TheoryData<string, byte[]> Genuine => new()
    {
        { "to-trinh.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n") },
        { "ANH.PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00] },
        { "hien-truong.jpeg", [0xFF, 0xD8, 0xFF, 0xE0] },
        { "bao-cao.docx", [0x50, 0x4B, 0x03, 0x04, 0x14] },
        { "du-toan.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14] },
        { "cu.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] },
        { "cu.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] },
    };

    [Theory]
    [MemberData(nameof(Genuine))]
    public void CheckContent_WhenTheContentBeginsAsItsNameSays_FindsNothing(string name, byte[] header)
    {
        Assert.Empty(FileKinds.CheckName(name));
        Assert.Empty(FileKinds.CheckContent(name, 1000, header, Limit));
    }

    [Fact]
    public void CheckContent_WhenAWorkbookIsNamedAsAPdf_NamesTheKindTheNameClaims()
    {
        var problem = Assert.Single(FileKinds.CheckContent("hop-dong.pdf", 1000, [0x50, 0x4B, 0x03, 0x04], Limit));
        Assert.Equal("file", problem.Path);
        Assert.Contains("không phải PDF", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckContent_WhenOneByteOverTheLimit_StatesTheSizeAndTheLimit()
    {
        var problem = Assert.Single(FileKinds.CheckContent("lon.pdf", 21 * 1024 * 1024, "%PDF-"u8, Limit));
        Assert.Contains("nặng 21 MB, vượt giới hạn 20 MB", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setup.exe", "không thuộc loại")]
    [InlineData("", "không có tên")]
    [InlineData("a\tb.pdf", "ký tự điều khiển")]
    public void CheckName_WhenTheNameIsNotOfAnAcceptedFile_SaysWhy(string name, string rule) =>
        Assert.Contains(rule, Assert.Single(FileKinds.CheckName(name)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(@"C:\Users\nv\Desktop\to trinh.pdf", "to trinh.pdf")]
    [InlineData("thu-muc/bien-ban.pdf", "bien-ban.pdf")]
    [InlineData("  ten.pdf ", "ten.pdf")]
    public void CleanName_WhenABrowserSendsAPath_KeepsTheLastPart(string sent, string kept) => Assert.Equal(kept, FileKinds.CleanName(sent));
}
