package archfixtures.ferry.registry.domain;

import com.sun.net.httpserver.HttpExchange;

/** Breaks "only rest packages serve HTTP". */
public class DomainThatServesHttp {
    public HttpExchange exchange;
}
