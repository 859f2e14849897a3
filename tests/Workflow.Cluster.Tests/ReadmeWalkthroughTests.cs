using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Workflow.Cluster.Tests.Infrastructure;
using Workflow.Domain.Workflows;

namespace Workflow.Cluster.Tests;

/// <summary>Two servers of their own, on a database and a broker virtual host no other test touches, seeded with the demo.</summary>
public sealed class TwoServers() : AppCluster(2);

/// <summary>
/// The README's curl walk-through, run as a reader pastes it into a shell — only the address changed — against two
/// servers behind one address (a round-robin proxy, as nginx spreads connections), so consecutive steps of one
/// dossier land on different servers: on whichever database and broker the run uses (PostgreSQL and RabbitMQ in the
/// second run of scripts/test.sh).
/// </summary>
public sealed partial class ReadmeWalkthroughTests(TwoServers servers) : IClassFixture<TwoServers>, IDisposable
{
    [Fact]
    public async Task ImportingAPlan_WhenPastedAgainstTwoServersBehindOneAddress_AnswersAsTheReadmeSays()
    {
        await using var proxy = new RoundRobinProxy(servers.Servers);
        var output = await RunAsync(proxy, "## Importing a plan with curl");

        Assert.Contains("\"fiscalYear\":2024", output);
        // the 2025 file is a new plan; for 2026 the district no longer exists (rule 22)
        Assert.Matches(new Regex(@"HTTP/1\.1 201 Created", RegexOptions.Multiline), output);
        Assert.Contains("Quy tắc 22", output);
        Assert.True(File.Exists(Path.Combine(_directory, "ke-hoach.xlsx")), output);
        Assert.All(proxy.Connections, count => Assert.True(count > 0, $"Each server gets some of the requests: {string.Join(", ", proxy.Connections)}"));
    }

    [Fact]
    public async Task TheMoneysWay_WhenPastedAgainstTwoServersBehindOneAddress_SettlesTheProposal()
    {
        await using var proxy = new RoundRobinProxy(servers.Servers);
        var output = await RunAsync(proxy, "## The money's way, with curl");

        // every action answered with its new state, none with a problem
        Assert.DoesNotMatch(ProblemAnswer(), output);
        string[] proposal = [ProposalProcess.Submitted, ProposalProcess.UnderAppraisal, ProposalProcess.Appraised, ProposalProcess.Approved];
        string[] disbursement = [DisbursementProcess.Requested, DisbursementProcess.Approved, DisbursementProcess.Paid];
        string[] settlement = [SettlementProcess.Submitted, SettlementProcess.Verified, SettlementProcess.Approved, SettlementProcess.Closed];
        string[] steps = [.. proposal, .. disbursement, .. disbursement, .. settlement];
        // the actions' answers come first; the proposal's history, read at the end, repeats them
        Assert.Equal(steps, StepTarget().Matches(output).Select(m => m.Groups[1].Value).Take(steps.Length));
        Assert.Contains($"\"state\":\"{ProposalProcess.Settled}\"", output);
        Assert.All(proxy.Connections, count => Assert.True(count > 0, $"Each server gets some of the requests: {string.Join(", ", proxy.Connections)}"));
    }

    private readonly string _directory = Directory.CreateTempSubdirectory("workflow-readme-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>
    /// Every bash block of the README's section, in order, in one bash process, with <c>API=</c> pointing at the proxy;
    /// run in a directory of its own where <c>src/</c> is the repository's, as the README's relative paths expect.
    /// </summary>
    private async Task<string> RunAsync(RoundRobinProxy proxy, string heading)
    {
        var script = ReadmeSection(heading);
        Assert.Contains("API=http://localhost:5080", script);
        script = script.Replace("API=http://localhost:5080", $"API={proxy.BaseUrl}", StringComparison.Ordinal);
        if (!Directory.Exists(Path.Combine(_directory, "src")))
            Directory.CreateSymbolicLink(Path.Combine(_directory, "src"), Path.Combine(RepoPaths.Root, "src"));

        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await bash.WaitForExitAsync(patience.Token);
        var output = await stdout + await stderr;
        Assert.True(bash.ExitCode == 0, $"bash exited with {bash.ExitCode}:\n{output}");
        return output;
    }

    private static string ReadmeSection(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var from = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(from >= 0, $"README.md has no section '{heading}'.");
        var to = readme.IndexOf("\n## ", from + heading.Length + 2, StringComparison.Ordinal);
        var section = to < 0 ? readme[from..] : readme[from..to];
        var blocks = BashBlock().Matches(section).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(blocks);
        return string.Join("\n", blocks);
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    /// <summary>The state an action's answer says the dossier moved to.</summary>
    [GeneratedRegex(@"""to"":""([A-Za-z]+)""")]
    private static partial Regex StepTarget();

    /// <summary>A problem-details answer: a status of 400 or more in a JSON body.</summary>
    [GeneratedRegex(@"""status"":\s*[45]\d\d")]
    private static partial Regex ProblemAnswer();
}
