using System.Security.Cryptography;
using System.Text;
using Workflow.Domain.Audit;

namespace Workflow.Domain.Tests.Audit;

public sealed class JournalKeyTests
{
    private const string Text = "unit-tests-journal-key-0123456789-abcdefghijklmnop";

    [Fact]
    public void TryParse_WhenTheTextIsOneByteShortOf32_RefusesSayingHowLong()
    {
        var key = JournalKey.TryParse(new string('k', 31), out var problem);

        Assert.Null(key);
        Assert.Contains("31 bytes", problem);
    }

    [Fact]
    public void TryParse_WhenExactly32Bytes_Accepts()
    {
        Assert.NotNull(JournalKey.TryParse(new string('k', 32), out _));
    }

    [Fact]
    public void TryParse_WhenBase64Prefixed_UsesTheDecodedBytesAsTheSecret()
    {
        var secret = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var key = JournalKey.Parse(JournalKey.Base64Prefix + Convert.ToBase64String(secret));

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("x"))), key.Sign("x"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(secret))[..16], key.Id);
    }

    [Fact]
    public void TryParse_WhenBase64PrefixedButNotBase64_RefusesNamingThePrefix()
    {
        Assert.Null(JournalKey.TryParse(JournalKey.Base64Prefix + "not base64 at all!", out var problem));
        Assert.Contains(JournalKey.Base64Prefix, problem);
    }

    [Fact]
    public void Sign_WhenTheSameText_GivesTheSameSealAndVerifiesIt()
    {
        var key = JournalKey.Parse(Text);

        Assert.Equal(key.Sign("đề xuất"), JournalKey.Parse(Text).Sign("đề xuất"));
        Assert.True(key.Verifies("đề xuất", key.Sign("đề xuất")));
    }

    [Fact]
    public void Verifies_WhenTheTextDiffersByOneCharacterOrTheKeyDiffers_IsFalse()
    {
        var key = JournalKey.Parse(Text);
        var seal = key.Sign("300000000");

        Assert.False(key.Verifies("300000001", seal));
        Assert.False(JournalKey.Parse(Text + "-other").Verifies("300000000", seal));
        Assert.False(key.Verifies("300000000", null));
    }

    [Fact]
    public void Find_WhenAPreviousKeyIsInTheRing_FindsItByIdAndAnUnknownIdIsNull()
    {
        var old = JournalKey.Parse(Text);
        var ring = new JournalKeyRing(JournalKey.Parse(Text + "-new"), [old]);

        Assert.Same(old, ring.Find(old.Id));
        Assert.Null(ring.Find("0123456789abcdef"));
        Assert.Null(ring.Find(null));
    }
}
