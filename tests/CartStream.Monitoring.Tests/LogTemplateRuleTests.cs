using System.Text.RegularExpressions;
using CartStream.Monitoring.Logging;
using CartStream.Testing;

namespace CartStream.Monitoring.Tests;

/// <summary>The rule in docs/operations.md: no log message template in src/ names a secret.</summary>
public sealed partial class LogTemplateRuleTests
{
    [Fact]
    public void No_log_message_template_in_the_sources_has_a_placeholder_named_like_a_secret()
    {
        var sources = Directory.GetFiles(RepoPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var templates = 0;
        var offending = new List<string>();
        foreach (var path in sources)
        {
            foreach (Match message in LoggerMessageTemplate().Matches(File.ReadAllText(path)))
            {
                templates++;
                foreach (Match placeholder in Placeholder().Matches(message.Groups["template"].Value))
                {
                    if (EcsTextFormatter.IsSecretName(placeholder.Groups["name"].Value))
                    {
                        offending.Add($"{Path.GetRelativePath(RepoPaths.Root, path)}: {message.Groups["template"].Value}");
                    }
                }
            }
        }

        Assert.True(templates > 20, $"only {templates} [LoggerMessage] templates found: is the scan looking in the right place?");
        Assert.Empty(offending);
    }

    [GeneratedRegex("""\[LoggerMessage\([^\]]*?Message\s*=\s*"(?<template>(?:[^"\\]|\\.)*)""", RegexOptions.Singleline)]
    private static partial Regex LoggerMessageTemplate();

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Placeholder();
}
