using MimeKit;

namespace CartStream.Monitoring.Tests.Support;

/// <summary>
/// The SMTP capture server test.sh starts (aiosmtpd writing a maildir): its address from
/// <c>CARTSTREAM_TEST_SMTP</c> and the maildir from <c>CARTSTREAM_TEST_SMTP_MAILDIR</c>. Tests share it and tell
/// their messages apart by a rule name only they use.
/// </summary>
internal static class SmtpTestServer
{
    public static (string Host, int Port) Address
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("CARTSTREAM_TEST_SMTP")
                ?? throw new InvalidOperationException("CARTSTREAM_TEST_SMTP is not set: run the tests through ./test.sh, which starts the SMTP server.");
            var colon = value.LastIndexOf(':');
            return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static string Maildir => Environment.GetEnvironmentVariable("CARTSTREAM_TEST_SMTP_MAILDIR")
        ?? throw new InvalidOperationException("CARTSTREAM_TEST_SMTP_MAILDIR is not set: run the tests through ./test.sh.");

    /// <summary>Waits for a delivered message whose subject contains every one of <paramref name="subjectParts"/>.</summary>
    public static async Task<MimeMessage> WaitForMessageAsync(TimeSpan timeout, CancellationToken cancellationToken, params string[] subjectParts)
    {
        var deadline = DateTime.UtcNow + timeout;
        var folder = Path.Combine(Maildir, "new");
        while (true)
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                MimeMessage message;
                try
                {
                    message = await MimeMessage.LoadAsync(file, cancellationToken);
                }
                catch (IOException)
                {
                    continue;
                }

                if (subjectParts.All(part => message.Subject?.Contains(part, StringComparison.Ordinal) == true))
                {
                    return message;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                var subjects = Directory.GetFiles(folder).Select(f => MimeMessage.Load(f).Subject);
                throw new TimeoutException($"No email with [{string.Join(", ", subjectParts)}] in its subject within {timeout}; subjects seen: {string.Join(" | ", subjects)}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
