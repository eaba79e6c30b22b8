namespace VisionAspire.Messaging;

/// <summary>Broker settings shared by every service (section <c>Vision:Messaging</c>); every service must use the same values.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Vision:Messaging";

    /// <summary>
    /// How often a work queue hands a message out again after it came back unacknowledged (its consumer crashed,
    /// or its channel closed) before dead-lettering it: the quorum queue's <c>x-delivery-limit</c>.
    /// </summary>
    public int DeliveryLimit { get; set; } = 5;
}
