package org.weiquan.app.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** 登录: the form Spring Security's form login posts to ({@code POST /login}). */
@Controller
public class SignInController {

    @GetMapping("/login")
    public String signIn() {
        return "login";
    }
}
