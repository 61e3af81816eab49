package io.mystaff.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every method of the interface, defaults included, is overridden and reaches the delegate
 * unchanged.
 */
class ForwardingTest {
  @Test
  void forwardingDirectory_forwardsEveryMethod() throws Exception {
    checkForwards(Directory.class, ForwardingDirectory::new);
  }

  @Test
  void forwardingDirectoryWriter_forwardsEveryMethod() throws Exception {
    checkForwards(DirectoryWriter.class, ForwardingDirectoryWriter::new);
  }

  private static <T> void checkForwards(Class<T> type, Function<T, ? extends T> forwarding)
      throws Exception {
    for (Method method : type.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      List<Method> heard = new ArrayList<>();
      List<Object[]> arguments = new ArrayList<>();
      Object answer = dummy(method.getReturnType());
      T delegate =
          type.cast(
              Proxy.newProxyInstance(
                  type.getClassLoader(),
                  new Class<?>[] {type},
                  (p, m, args) -> {
                    heard.add(m);
                    arguments.add(args);
                    return answer;
                  }));
      T forwarder = forwarding.apply(delegate);
      Method override =
          forwarder.getClass().getMethod(method.getName(), method.getParameterTypes());
      assertThat(override.getDeclaringClass())
          .as("%s overrides %s", forwarder.getClass().getSimpleName(), method)
          .isNotEqualTo(type);
      if (Modifier.isFinal(override.getModifiers())) {
        continue; // a convenience overload, final so that subclasses override the full method it
        // calls
      }
      Object[] args = new Object[method.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = dummy(method.getParameterTypes()[i]);
      }
      Object returned = method.invoke(forwarder, args);
      assertThat(heard).as("%s forwarded once", method.getName()).containsExactly(method);
      assertThat(arguments.get(0) == null ? new Object[0] : arguments.get(0)).containsExactly(args);
      if (!method.getReturnType().isPrimitive()) {
        assertThat(returned).isSameAs(answer);
      }
    }
  }

  /** A stand-in of the type: a proxy for interfaces, a fixed value for the rest, else null. */
  private static Object dummy(Class<?> type) {
    if (type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == int.class) {
      return 7;
    }
    if (type == long.class) {
      return 7L;
    }
    if (type == String.class) {
      return "s";
    }
    if (type.isInterface()) {
      return Proxy.newProxyInstance(
          type.getClassLoader(),
          new Class<?>[] {type},
          (p, m, a) ->
              switch (m.getName()) {
                case "equals" -> p == a[0];
                case "hashCode" -> System.identityHashCode(p);
                case "toString" -> "stand-in " + type.getSimpleName();
                default -> throw new AssertionError("not to be called: " + m);
              });
    }
    if (type == java.util.Optional.class) {
      return java.util.Optional.of("x");
    }
    return null; // forwarders pass values through without looking at them
  }
}
