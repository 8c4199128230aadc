package io.ferry.serde.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigException;

/** A user and password for HTTP basic authentication. {@link #toString()} hides the password. */
public record BasicCredentials(String user, String password) {
    private static final Pattern JAAS_OPTION = Pattern.compile("(username|password)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Parses {@code user:password} (the password may contain colons). */
    public static BasicCredentials parse(String setting, String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw new ConfigException(setting, "[hidden]", "expected user:password");
        }
        return new BasicCredentials(decode(userInfo.substring(0, colon)), decode(userInfo.substring(colon + 1)));
    }

    /** The {@code username} and {@code password} options of a {@code sasl.jaas.config} value. */
    public static BasicCredentials fromJaasConfig(String jaasConfig) {
        if (jaasConfig == null) {
            throw new ConfigException("sasl.jaas.config", null, "basic.auth.credentials.source=SASL_INHERIT needs sasl.jaas.config");
        }
        String user = null;
        String password = null;
        Matcher matcher = JAAS_OPTION.matcher(jaasConfig);
        while (matcher.find()) {
            if (matcher.group(1).equals("username")) {
                user = matcher.group(2);
            } else {
                password = matcher.group(2);
            }
        }
        if (user == null || password == null) {
            throw new ConfigException("sasl.jaas.config", "[hidden]", "no username=\"...\" and password=\"...\" options to inherit");
        }
        return new BasicCredentials(user, password);
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The value of an {@code Authorization} header. */
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=[hidden]]";
    }
}
