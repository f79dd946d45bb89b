namespace Ondermijning.Engine.Common;

/// <summary>
/// The configuration or the deployment is such that the service must not take requests. The message is for the
/// operator: what is wrong and which settings to set. The host reports it as one log line and exits with a non-zero
/// code; a stack trace would only bury the message.
/// </summary>
public class StartupRefusal(string message) : Exception(message);
