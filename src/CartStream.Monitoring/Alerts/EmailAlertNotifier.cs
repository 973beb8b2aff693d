using MailKit.Net.Smtp;
using MimeKit;

namespace CartStream.Monitoring.Alerts;

/// <summary>Announces alerts by email through an SMTP server (MailKit), one message per firing or resolution.</summary>
public sealed class EmailAlertNotifier(SmtpOptions options, ILogger<EmailAlertNotifier> logger) : IAlertNotifier
{
    /// <inheritdoc />
    public async Task NotifyAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!options.IsConfigured)
        {
            return;
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        foreach (var to in options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = notification.Title;
        message.Body = new TextPart("plain") { Text = notification.Body };
        message.Headers.Add("X-CartStream-Alert", notification.Rule.Name);
        message.Headers.Add("X-CartStream-Alert-State", notification.State.ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(options.Host!, options.Port, options.Security, timeout.Token);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", timeout.Token);
        }

        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
        Log.EmailSent(logger, notification.Rule.Name, notification.State, string.Join(", ", options.To), options.Host!, options.Port);
    }
}
